// <algorithm> and <numeric> with lambdas: sort with a comparator,
// find_if, count_if, transform, accumulate.
// expect: sorted descending: 9 5 4 1
// expect: first > 4: 9, count even: 1
// expect: squares: 81 25 16 1
// expect: product 180
#include <algorithm>
#include <functional>
#include <iostream>
#include <numeric>
#include <vector>

int main()
{
	std::vector<int> v{4, 1, 9, 5};
	std::sort(v.begin(), v.end(), std::greater<int>());
	std::cout << "sorted descending:";
	for (int x : v)
		std::cout << ' ' << x;
	auto it = std::find_if(v.begin(), v.end(), [](int x) { return x > 4; });
	auto evens = std::count_if(v.begin(), v.end(), [](int x) { return x % 2 == 0; });
	std::cout << "\nfirst > 4: " << *it << ", count even: " << evens << "\n";
	std::vector<int> sq(v.size());
	std::transform(v.begin(), v.end(), sq.begin(), [](int x) { return x * x; });
	std::cout << "squares:";
	for (int x : sq)
		std::cout << ' ' << x;
	std::cout << "\nproduct " << std::accumulate(v.begin(), v.end(), 1, std::multiplies<int>()) << "\n";
	return 0;
}

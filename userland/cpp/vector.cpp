// std::vector: growth, indexing, iteration, erase-remove and reserve.
// expect: size 10 sum 45
// expect: evens removed: 1 3 5 7 9
// expect: capacity after reserve >= 100: 1
#include <iostream>
#include <numeric>
#include <vector>
#include <algorithm>

int main()
{
	std::vector<int> v;
	for (int i = 0; i < 10; i++)
		v.push_back(i);
	std::cout << "size " << v.size() << " sum " << std::accumulate(v.begin(), v.end(), 0) << "\n";
	v.erase(std::remove_if(v.begin(), v.end(), [](int x) { return x % 2 == 0; }), v.end());
	std::cout << "evens removed:";
	for (int x : v)
		std::cout << ' ' << x;
	std::cout << "\n";
	v.reserve(100);
	std::cout << "capacity after reserve >= 100: " << (v.capacity() >= 100) << "\n";
	return 0;
}

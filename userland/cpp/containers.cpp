// More containers: std::set (sorted, unique), std::deque (both ends),
// std::list (splice), std::array (fixed size), std::priority_queue.
// expect: set: 1 2 3
// expect: deque: 0 1 2
// expect: list: 1 2 3 4
// expect: array size 4 back 40
// expect: priority_queue top 9
#include <array>
#include <deque>
#include <iostream>
#include <list>
#include <queue>
#include <set>

int main()
{
	std::set<int> s{3, 1, 2, 3, 1};
	std::cout << "set:";
	for (int x : s)
		std::cout << ' ' << x;
	std::deque<int> d;
	d.push_back(1);
	d.push_back(2);
	d.push_front(0);
	std::cout << "\ndeque:";
	for (int x : d)
		std::cout << ' ' << x;
	std::list<int> a{1, 2}, b{3, 4};
	a.splice(a.end(), b);
	std::cout << "\nlist:";
	for (int x : a)
		std::cout << ' ' << x;
	std::array<int, 4> arr{10, 20, 30, 40};
	std::cout << "\narray size " << arr.size() << " back " << arr.back() << "\n";
	std::priority_queue<int> q;
	for (int x : {4, 9, 1})
		q.push(x);
	std::cout << "priority_queue top " << q.top() << "\n";
	return 0;
}

// std::thread: start threads with arguments, join them, and guard a shared
// total with std::mutex and std::lock_guard.
// only: linux
// expect: total 5050
// expect: joined 4 threads
#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

int main()
{
	const int n = 4;
	std::mutex m;
	long total = 0;
	std::vector<std::thread> ts;
	for (int id = 0; id < n; id++)
		ts.emplace_back([&, id] {
			for (int i = id + 1; i <= 100; i += n) {
				std::lock_guard<std::mutex> lock(m);
				total += i;
			}
		});
	for (auto &t : ts)
		t.join();
	std::cout << "total " << total << "\n";
	std::cout << "joined " << ts.size() << " threads\n";
	return total == 5050 ? 0 : 1;
}

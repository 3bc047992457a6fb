// thread_local: each thread has its own instance of the variable,
// constructed on the thread's first use and destroyed when it exits; a
// plain global is shared by all.
// only: linux
// expect: each thread counted 1000 in its own copy: 1
// expect: main's copy untouched: 0
// expect: destructors ran for 4 threads
#include <atomic>
#include <iostream>
#include <thread>
#include <vector>

static std::atomic<int> destroyed{0};

struct PerThread {
	int count = 0;
	~PerThread() { destroyed++; }
};

static thread_local PerThread mine;

int main()
{
	std::vector<int> results(4);
	std::vector<std::thread> ts;
	for (int t = 0; t < 4; t++)
		ts.emplace_back([t, &results] {
			for (int i = 0; i < 1000; i++) {
				mine.count++;
				if (i % 100 == 0)
					std::this_thread::yield();
			}
			results[t] = mine.count;
		});
	for (auto &t : ts)
		t.join();
	bool all = true;
	for (int r : results)
		all = all && r == 1000;
	std::cout << "each thread counted 1000 in its own copy: " << all << "\n";
	std::cout << "main's copy untouched: " << mine.count << "\n";
	std::cout << "destructors ran for " << destroyed << " threads\n";
	return all && mine.count == 0 && destroyed == 4 ? 0 : 1;
}

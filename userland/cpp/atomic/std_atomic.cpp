// std::atomic<int>: threads incrementing one counter never lose an update,
// whatever the interleaving: fetch_add is one indivisible read-modify-write.
// only: linux
// expect: atomic 40000 of 40000
#include <atomic>
#include <iostream>
#include <thread>
#include <vector>

int main()
{
	const int threads = 4, iters = 10000;
	std::atomic<int> counter{0};
	std::vector<std::thread> ts;
	for (int t = 0; t < threads; t++)
		ts.emplace_back([&] {
			for (int i = 0; i < iters; i++)
				counter.fetch_add(1, std::memory_order_relaxed);
		});
	for (auto &t : ts)
		t.join();
	std::cout << "atomic " << counter << " of " << threads * iters << "\n";
	return counter == threads * iters ? 0 : 1;
}

// The race that std::atomic prevents: the same threads incrementing a plain
// int (volatile, so each increment really is a load and a store) lose
// updates when two of them interleave. How many are lost depends on the
// scheduling, so the program only reports it; with one CPU there may be
// none.
// only: linux
// expect: plain counter lost
// expect: never more than 40000: 1
#include <iostream>
#include <thread>
#include <vector>

int main()
{
	const int threads = 4, iters = 10000;
	volatile int counter = 0;
	std::vector<std::thread> ts;
	for (int t = 0; t < threads; t++)
		ts.emplace_back([&] {
			for (int i = 0; i < iters; i++)
				counter = counter + 1;
		});
	for (auto &t : ts)
		t.join();
	int total = threads * iters;
	std::cout << "plain counter lost " << total - counter << " of " << total << " increments\n";
	std::cout << "never more than " << total << ": " << (counter <= total) << "\n";
	return 0;
}

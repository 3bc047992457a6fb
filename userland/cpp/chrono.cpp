// <chrono>: durations with units, conversions, and steady_clock measuring
// a sleep.
// only: linux
// expect: 1500 ms = 1.5 s
// expect: 2 min = 120 s
// expect: slept at least 10 ms: 1
#include <chrono>
#include <iostream>
#include <thread>

int main()
{
	using namespace std::chrono;
	milliseconds ms(1500);
	std::cout << ms.count() << " ms = " << duration<double>(ms).count() << " s\n";
	std::cout << "2 min = " << seconds(minutes(2)).count() << " s\n";
	auto t0 = steady_clock::now();
	std::this_thread::sleep_for(milliseconds(10));
	auto took = duration_cast<milliseconds>(steady_clock::now() - t0);
	std::cout << "slept at least 10 ms: " << (took.count() >= 10) << "\n";
	return 0;
}

// std::thread::hardware_concurrency: how many threads can run at once (the
// CPUs this process sees: the guest's -smp, or the host's).
// only: linux
// expect: hardware_concurrency at least 1: 1
#include <iostream>
#include <thread>

int main()
{
	unsigned n = std::thread::hardware_concurrency();
	std::cout << "hardware_concurrency " << n << "\n";
	std::cout << "hardware_concurrency at least 1: " << (n >= 1) << "\n";
	return 0;
}

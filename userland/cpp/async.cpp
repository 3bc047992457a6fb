// std::async and std::future: run a function on another thread and get its
// result (or its exception) later; std::promise sets a future by hand.
// only: linux
// expect: async result 42
// expect: promise result 7
// expect: future rethrew: from the task
#include <future>
#include <iostream>
#include <stdexcept>
#include <thread>

int main()
{
	auto f = std::async(std::launch::async, [] { return 6 * 7; });
	std::cout << "async result " << f.get() << "\n";
	std::promise<int> p;
	auto pf = p.get_future();
	std::thread t([&p] { p.set_value(7); });
	std::cout << "promise result " << pf.get() << "\n";
	t.join();
	auto bad = std::async(std::launch::async, []() -> int { throw std::runtime_error("from the task"); });
	try {
		bad.get();
	} catch (const std::exception &e) {
		std::cout << "future rethrew: " << e.what() << "\n";
	}
	return 0;
}

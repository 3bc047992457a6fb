// Exceptions: throw and catch by type, a custom exception class,
// destructors run during unwinding, rethrow, and noexcept.
// expect: caught runtime_error: bad thing
// expect: guard released
// expect: caught custom: code 7
// expect: rethrown: out_of_range
// expect: noexcept 1
#include <iostream>
#include <stdexcept>
#include <vector>

struct MyError : std::exception {
	int code;
	explicit MyError(int c) : code(c) {}
	const char *what() const noexcept override { return "MyError"; }
};

struct Guard {
	~Guard() { std::cout << "guard released\n"; }
};

static void thrower()
{
	Guard g;
	throw MyError(7);
}

static void safe() noexcept {}

int main()
{
	try {
		throw std::runtime_error("bad thing");
	} catch (const std::runtime_error &e) {
		std::cout << "caught runtime_error: " << e.what() << "\n";
	}
	try {
		thrower();
	} catch (const MyError &e) {
		std::cout << "caught custom: code " << e.code << "\n";
	}
	try {
		try {
			std::vector<int> v;
			(void)v.at(3);
		} catch (...) {
			throw;
		}
	} catch (const std::out_of_range &) {
		std::cout << "rethrown: out_of_range\n";
	}
	std::cout << "noexcept " << noexcept(safe()) << "\n";
	return 0;
}

// Lambdas: captures by value (a copy taken at creation) and by reference,
// mutable lambdas changing their own copy, init captures, generic (auto)
// parameters, and a lambda returned from a function keeping its state.
// expect: by value 1, by reference 2
// expect: mutable counter 1 2 3, outside still 0
// expect: generic: 7 and ab
// expect: counter from a factory: 10 11 12
// expect: init capture moved: hello
#include <iostream>
#include <memory>
#include <string>

static auto make_counter(int start)
{
	return [n = start]() mutable { return n++; };
}

int main()
{
	int x = 1;
	auto by_value = [x] { return x; };
	auto by_ref = [&x] { return x; };
	x = 2;
	std::cout << "by value " << by_value() << ", by reference " << by_ref() << "\n";

	int count = 0;
	auto counter = [count]() mutable { return ++count; };
	int a = counter(), b = counter(), c = counter();
	std::cout << "mutable counter " << a << " " << b << " " << c << ", outside still " << count << "\n";

	auto add = [](auto p, auto q) { return p + q; };
	std::string ab = add(std::string("a"), std::string("b"));
	std::cout << "generic: " << add(3, 4) << " and " << ab << "\n";

	auto f = make_counter(10);
	int f1 = f(), f2 = f(), f3 = f();
	std::cout << "counter from a factory: " << f1 << " " << f2 << " " << f3 << "\n";

	auto p = std::make_unique<std::string>("hello");
	auto owner = [q = std::move(p)] { return *q; };
	std::cout << "init capture moved: " << owner() << (p ? " (still owned)" : "") << "\n";
	bool ok = by_value() == 1 && by_ref() == 2 && c == 3 && count == 0 && f3 == 12 && !p;
	return ok ? 0 : 1;
}

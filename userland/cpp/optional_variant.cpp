// C++17 vocabulary types: std::optional (a value or none), std::variant (one
// of several types) visited with std::visit, and structured bindings.
// expect: parse "12": 12, parse "x": none
// expect: variant holds int 3
// expect: variant holds string three
// expect: pair: 1 one
#include <iostream>
#include <optional>
#include <string>
#include <utility>
#include <variant>

static std::optional<int> parse(const std::string &s)
{
	if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos)
		return std::nullopt;
	return std::stoi(s);
}

struct Show {
	void operator()(int i) const { std::cout << "variant holds int " << i << "\n"; }
	void operator()(const std::string &s) const { std::cout << "variant holds string " << s << "\n"; }
};

int main()
{
	auto a = parse("12"), b = parse("x");
	std::cout << "parse \"12\": " << a.value_or(-1) << ", parse \"x\": " << (b ? "some" : "none") << "\n";
	std::variant<int, std::string> v = 3;
	std::visit(Show{}, v);
	v = std::string("three");
	std::visit(Show{}, v);
	auto [n, name] = std::make_pair(1, std::string("one"));
	std::cout << "pair: " << n << ' ' << name << "\n";
	return 0;
}

// std::string and std::string_view: concatenation, find, substr, and
// conversions to and from numbers.
// expect: hello, world (12 chars)
// expect: find "world" at 7, substr "hello"
// expect: stoi 42 + 1 = 43, to_string 3.5 -> 3.500000
// expect: view without prefix: world
#include <iostream>
#include <string>
#include <string_view>

int main()
{
	std::string s = "hello";
	s += ", world";
	std::cout << s << " (" << s.size() << " chars)\n";
	std::cout << "find \"world\" at " << s.find("world") << ", substr \"" << s.substr(0, 5) << "\"\n";
	std::cout << "stoi 42 + 1 = " << std::stoi("42") + 1 << ", to_string 3.5 -> " << std::to_string(3.5) << "\n";
	std::string_view v = s;
	v.remove_prefix(7);
	std::cout << "view without prefix: " << v << "\n";
	return 0;
}

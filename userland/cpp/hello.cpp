// The C++ hello: iostreams, std::string and std::endl.
// expect: hello from C++17
#include <iostream>
#include <string>

int main()
{
	std::string who = "C++";
	std::cout << "hello from " << who << __cplusplus / 100 % 100 << std::endl;
	return 0;
}

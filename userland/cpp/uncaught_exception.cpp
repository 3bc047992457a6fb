// An exception nobody catches calls std::terminate, which prints the
// exception and aborts: the program dies of SIGABRT.
// only: linux
// expect: terminate called after throwing an instance of 'std::logic_error'
// expect: nobody catches this
// expect-signal: SIGABRT
#include <iostream>
#include <stdexcept>

int main()
{
	std::cout << "throwing" << std::endl;
	throw std::logic_error("nobody catches this");
}

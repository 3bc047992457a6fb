// Templates and compile-time computation: a function template, a class
// template, constexpr functions checked by static_assert, and if constexpr.
// expect: max 7 and 2.5 and b
// expect: Pair(1, x)
// expect: factorial(10) = 3628800
// expect: describe int: integral, double: floating
#include <iostream>
#include <string>
#include <type_traits>

template <typename T> T max_of(T a, T b) { return a > b ? a : b; }

template <typename A, typename B> struct Pair {
	A a;
	B b;
	void print() const { std::cout << "Pair(" << a << ", " << b << ")\n"; }
};

constexpr long factorial(int n) { return n <= 1 ? 1 : n * factorial(n - 1); }
static_assert(factorial(5) == 120, "computed by the compiler");

template <typename T> const char *describe()
{
	if constexpr (std::is_integral_v<T>)
		return "integral";
	else
		return "floating";
}

int main()
{
	std::cout << "max " << max_of(3, 7) << " and " << max_of(2.5, 1.0) << " and " << max_of('a', 'b') << "\n";
	Pair<int, char>{1, 'x'}.print();
	std::cout << "factorial(10) = " << factorial(10) << "\n";
	std::cout << "describe int: " << describe<int>() << ", double: " << describe<double>() << "\n";
	return 0;
}

// <random>: engines and distributions. The standard fixes the engines'
// sequences: a default-constructed std::mt19937's 10000th number must be
// 4123659995 on every implementation, so a seed gives the same run
// everywhere. Distributions are the library's choice, so only their ranges
// are checked.
// expect: mt19937 10000th: 4123659995
// expect: mt19937_64 10000th: 9981545732273789042
// expect: minstd_rand 10000th: 399268537
// expect: uniform_int_distribution in [1, 6]: 1
// expect: same seed, same numbers: 1
#include <iostream>
#include <random>

template <class Engine> static typename Engine::result_type nth(int n)
{
	Engine e;
	e.discard(n - 1);
	return e();
}

int main()
{
	auto a = nth<std::mt19937>(10000);
	auto b = nth<std::mt19937_64>(10000);
	auto c = nth<std::minstd_rand>(10000);
	std::cout << "mt19937 10000th: " << a << "\n";
	std::cout << "mt19937_64 10000th: " << b << "\n";
	std::cout << "minstd_rand 10000th: " << c << "\n";

	std::mt19937 gen(123);
	std::uniform_int_distribution<int> die(1, 6);
	bool in_range = true;
	int first[20];
	for (int i = 0; i < 20; i++) {
		first[i] = die(gen);
		in_range = in_range && first[i] >= 1 && first[i] <= 6;
	}
	std::cout << "uniform_int_distribution in [1, 6]: " << in_range << "\n";
	gen.seed(123);
	die.reset();
	bool same = true;
	for (int i = 0; i < 20; i++)
		same = same && die(gen) == first[i];
	std::cout << "same seed, same numbers: " << same << "\n";
	bool ok = a == 4123659995u && b == 9981545732273789042ull && c == 399268537 && in_range && same;
	return ok ? 0 : 1;
}

// compare_exchange_weak: the loop under every lock-free update that is not
// a single instruction. Four threads each offer values to a shared
// maximum and multiply into a shared product modulo a prime; a retry
// happens when another thread changed the value between our load and our
// exchange, and no update is lost.
// only: linux
// expect: maximum 39999
// expect: product matches the serial one: 1
#include <atomic>
#include <cstdint>
#include <iostream>
#include <thread>
#include <vector>

static const std::uint64_t prime = 1000000007;

static void store_max(std::atomic<int> &m, int v)
{
	int cur = m.load();
	// On failure cur is reloaded with the current value.
	while (cur < v && !m.compare_exchange_weak(cur, v)) {
	}
}

static void multiply(std::atomic<std::uint64_t> &p, std::uint64_t by)
{
	std::uint64_t cur = p.load();
	while (!p.compare_exchange_weak(cur, cur * by % prime)) {
	}
}

int main()
{
	std::atomic<int> maximum{0};
	std::atomic<std::uint64_t> product{1};
	std::vector<std::thread> ts;
	for (int t = 0; t < 4; t++)
		ts.emplace_back([t, &maximum, &product] {
			for (int i = 0; i < 10000; i++) {
				store_max(maximum, i * 4 + t);
				multiply(product, i * 4 + t + 1);
			}
		});
	for (auto &t : ts)
		t.join();
	std::uint64_t serial = 1;
	for (std::uint64_t i = 1; i <= 40000; i++)
		serial = serial * i % prime;
	std::cout << "maximum " << maximum << "\n";
	std::cout << "product matches the serial one: " << (product == serial) << "\n";
	return maximum == 39999 && product == serial ? 0 : 1;
}

// Ownership: std::unique_ptr (one owner, moved), std::shared_ptr
// (counted), std::weak_ptr (observes without owning); destructors run when
// the last owner goes.
// expect: unique owns 1, after move 0
// expect: use_count 2
// expect: destroyed 7
// expect: weak expired 1
#include <iostream>
#include <memory>

struct Noisy {
	int id;
	explicit Noisy(int i) : id(i) {}
	~Noisy() { std::cout << "destroyed " << id << "\n"; }
};

int main()
{
	auto u = std::make_unique<int>(5);
	std::cout << "unique owns " << (u != nullptr);
	auto u2 = std::move(u);
	std::cout << ", after move " << (u != nullptr) << "\n";
	std::weak_ptr<Noisy> w;
	{
		auto s = std::make_shared<Noisy>(7);
		auto s2 = s;
		w = s;
		std::cout << "use_count " << s.use_count() << "\n";
	}
	std::cout << "weak expired " << w.expired() << "\n";
	return 0;
}

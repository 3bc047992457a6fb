// Associative containers: std::map keeps keys sorted, std::unordered_map
// hashes them; both count words here.
// expect: map: a=3 b=1 c=2
// expect: unordered_map size 3, count of c 2
// expect: find z: absent
#include <iostream>
#include <map>
#include <string>
#include <unordered_map>

int main()
{
	const char *words[] = {"c", "a", "b", "a", "c", "a"};
	std::map<std::string, int> m;
	std::unordered_map<std::string, int> u;
	for (auto w : words) {
		m[w]++;
		u[w]++;
	}
	std::cout << "map:";
	for (const auto &[k, v] : m)
		std::cout << ' ' << k << '=' << v;
	std::cout << "\n";
	std::cout << "unordered_map size " << u.size() << ", count of c " << u.at("c") << "\n";
	std::cout << "find z: " << (m.find("z") == m.end() ? "absent" : "present") << "\n";
	return 0;
}

// Move semantics: a class that counts its copies and moves. Passing an
// rvalue (a temporary, or std::move of a name) picks the move constructor,
// which steals the buffer instead of copying it; a vector moves its
// elements when it grows if the move constructor is noexcept; returning a
// local uses no copy at all.
// expect: copy: 1 copies 0 moves
// expect: std::move: 0 copies 1 moves, source now empty: 1
// expect: vector growth: 0 copies
// expect: returned by value: 0 copies
#include <cstring>
#include <iostream>
#include <utility>
#include <vector>

struct Buffer {
	static int copies, moves;
	char *data;
	explicit Buffer(const char *s) : data(new char[std::strlen(s) + 1]) { std::strcpy(data, s); }
	Buffer(const Buffer &o) : data(new char[std::strlen(o.data) + 1])
	{
		std::strcpy(data, o.data);
		copies++;
	}
	Buffer(Buffer &&o) noexcept : data(std::exchange(o.data, nullptr)) { moves++; }
	Buffer &operator=(const Buffer &) = delete;
	~Buffer() { delete[] data; }
	static void reset() { copies = moves = 0; }
};
int Buffer::copies, Buffer::moves;

static Buffer make(const char *s)
{
	Buffer b(s);
	return b;
}

int main()
{
	Buffer a("text");
	Buffer::reset();
	Buffer b(a);
	std::cout << "copy: " << Buffer::copies << " copies " << Buffer::moves << " moves\n";
	bool ok = Buffer::copies == 1;

	Buffer::reset();
	Buffer c(std::move(a));
	std::cout << "std::move: " << Buffer::copies << " copies " << Buffer::moves
		  << " moves, source now empty: " << (a.data == nullptr) << "\n";
	ok = ok && Buffer::moves == 1 && Buffer::copies == 0;

	Buffer::reset();
	std::vector<Buffer> v;
	for (int i = 0; i < 100; i++)
		v.emplace_back("element");
	std::cout << "vector growth: " << Buffer::copies << " copies, " << Buffer::moves << " moves\n";
	ok = ok && Buffer::copies == 0;

	Buffer::reset();
	Buffer r = make("returned");
	std::cout << "returned by value: " << Buffer::copies << " copies (" << r.data << ")\n";
	ok = ok && Buffer::copies == 0;
	return ok ? 0 : 1;
}

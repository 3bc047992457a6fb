// Run-time polymorphism: virtual functions through base pointers, a pure
// virtual interface, virtual destructors and dynamic_cast.
// expect: circle area 12
// expect: square area 4
// expect: dynamic_cast to Square: 0 1
// expect: ~Square ~Shape
#include <iostream>
#include <memory>
#include <vector>

struct Shape {
	virtual ~Shape() { std::cout << " ~Shape\n"; }
	virtual const char *name() const = 0;
	virtual double area() const = 0;
};

struct Circle : Shape {
	double r;
	explicit Circle(double r) : r(r) {}
	const char *name() const override { return "circle"; }
	double area() const override { return 3 * r * r; }
};

struct Square : Shape {
	double s;
	explicit Square(double s) : s(s) {}
	~Square() override { std::cout << "~Square"; }
	const char *name() const override { return "square"; }
	double area() const override { return s * s; }
};

int main()
{
	std::vector<std::unique_ptr<Shape>> v;
	v.push_back(std::make_unique<Circle>(2));
	v.push_back(std::make_unique<Square>(2));
	for (auto &s : v)
		std::cout << s->name() << " area " << s->area() << "\n";
	std::cout << "dynamic_cast to Square: " << (dynamic_cast<Square *>(v[0].get()) != nullptr) << ' '
		  << (dynamic_cast<Square *>(v[1].get()) != nullptr) << "\n";
	v.pop_back();
	return 0;
}

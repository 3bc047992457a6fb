// Formatting with iostreams: <iomanip> width, fill, alignment, bases,
// fixed and scientific precision, booleans as words; ostringstream builds
// a string and istringstream parses one.
// expect: [   42] [42   ] [00042]
// expect: hex 0xff oct 0377 dec 255
// expect: fixed 3.14 scientific 1.235e+04
// expect: boolalpha true false
// expect: parsed 12 and 3.5 and word
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>

int main()
{
	std::ostringstream o;
	o << "[" << std::setw(5) << 42 << "] [" << std::left << std::setw(5) << 42 << "] ["
	  << std::right << std::setfill('0') << std::setw(5) << 42 << "]";
	std::string widths = o.str();
	std::cout << widths << "\n";
	std::cout << std::showbase << "hex " << std::hex << 255 << " oct " << std::oct << 255
		  << " dec " << std::dec << 255 << std::noshowbase << "\n";
	std::cout << "fixed " << std::fixed << std::setprecision(2) << 3.14159 << " scientific "
		  << std::scientific << std::setprecision(3) << 12345.678 << "\n";
	std::cout << std::boolalpha << "boolalpha " << true << " " << false << "\n";
	std::istringstream in("12 3.5 word");
	int i = 0;
	double d = 0;
	std::string w;
	in >> i >> d >> w;
	std::cout << std::defaultfloat << "parsed " << i << " and " << d << " and " << w << "\n";
	return widths == "[   42] [42   ] [00042]" && i == 12 && d == 3.5 && w == "word" ? 0 : 1;
}

// std::filesystem (C++17): paths and their parts, creating directories and
// files, iterating over a directory, sizes, renaming and removing a tree.
// only: linux
// expect: filename report.txt stem report extension .txt
// expect: 3 entries, 6 bytes in all
// expect: renamed exists: 1, old name exists: 0
// expect: removed 4 paths
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;

int main()
{
	fs::path p = "/tmp/dir/report.txt";
	std::cout << "filename " << p.filename().string() << " stem " << p.stem().string() << " extension "
		  << p.extension().string() << "\n";

	fs::path dir = fs::temp_directory_path() / ("lkmc_filesystem_" + std::to_string(getpid()));
	fs::create_directories(dir / "sub");
	for (const char *name : { "a", "bb" })
		std::ofstream(dir / name) << std::string(name).append(name);
	int entries = 0;
	std::uintmax_t bytes = 0;
	for (const auto &e : fs::directory_iterator(dir)) {
		entries++;
		if (e.is_regular_file())
			bytes += e.file_size();
	}
	std::cout << entries << " entries, " << bytes << " bytes in all\n";
	fs::rename(dir / "a", dir / "sub" / "a2");
	bool renamed = fs::exists(dir / "sub" / "a2"), old = fs::exists(dir / "a");
	std::cout << "renamed exists: " << renamed << ", old name exists: " << old << "\n";
	auto removed = fs::remove_all(dir);
	std::cout << "removed " << removed << " paths\n";
	return entries == 3 && bytes == 6 && renamed && !old && removed == 4 ? 0 : 1;
}

// std::scoped_lock (C++17) takes several mutexes at once without deadlock,
// whatever order each thread names them in. Two threads move money between
// two accounts in opposite directions; locking one mutex and then the
// other by hand in that order could deadlock, scoped_lock cannot, and the
// total never changes.
// only: linux
// expect: total still 2000: 1
// expect: transfers 20000
#include <iostream>
#include <mutex>
#include <thread>

struct Account {
	std::mutex m;
	long balance = 1000;
};

static long transfers;
static std::mutex count_mutex;

static void move_money(Account &from, Account &to, int times)
{
	for (int i = 0; i < times; i++) {
		std::scoped_lock lock(from.m, to.m);
		from.balance -= 1;
		to.balance += 1;
		std::scoped_lock count(count_mutex);
		transfers++;
	}
}

int main()
{
	Account a, b;
	std::thread t1(move_money, std::ref(a), std::ref(b), 10000);
	std::thread t2(move_money, std::ref(b), std::ref(a), 10000);
	t1.join();
	t2.join();
	bool same = a.balance + b.balance == 2000;
	std::cout << "total still 2000: " << same << "\n";
	std::cout << "transfers " << transfers << "\n";
	return same && transfers == 20000 ? 0 : 1;
}

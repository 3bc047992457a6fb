// std::condition_variable: a producer hands items to a consumer through a
// queue; the consumer sleeps until notified, with a predicate against
// spurious wakeups.
// only: linux
// expect: consumed 1 2 3 4 5
// expect: done
#include <condition_variable>
#include <iostream>
#include <mutex>
#include <queue>
#include <thread>

int main()
{
	std::mutex m;
	std::condition_variable cv;
	std::queue<int> q;
	bool finished = false;
	std::thread consumer([&] {
		std::cout << "consumed";
		for (;;) {
			std::unique_lock<std::mutex> lock(m);
			cv.wait(lock, [&] { return !q.empty() || finished; });
			if (q.empty())
				break;
			std::cout << ' ' << q.front();
			q.pop();
		}
		std::cout << "\n";
	});
	for (int i = 1; i <= 5; i++) {
		std::lock_guard<std::mutex> lock(m);
		q.push(i);
		cv.notify_one();
	}
	{
		std::lock_guard<std::mutex> lock(m);
		finished = true;
	}
	cv.notify_one();
	consumer.join();
	std::cout << "done\n";
	return 0;
}

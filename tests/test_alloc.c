/* test_alloc.c: the one allocation policy: arrays grown by doubling keep
 * every item, and an allocation that cannot be had ends the program
 * cleanly: the hook first (the terminal given back), then "out of
 * memory" and exit status 1, never abort(). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "alloc.h"

static void growing_keeps_every_item(void **state)
{
	long *items = NULL;
	size_t n;

	(void)state;
	for (n = 0; n < 100000; n++) {
		xgrow(&items, n, sizeof *items);
		items[n] = (long)n * 7;
	}
	for (n = 0; n < 100000; n++)
		assert_int_equal(items[n], (long)n * 7);
	free(items);
}

/* An array emptied and filled again keeps room for what it holds. */
static void an_array_filled_again_has_room(void **state)
{
	int *items = NULL;
	size_t n, i;

	(void)state;
	for (n = 0; n < 40; n++) {
		xgrow(&items, n, sizeof *items);
		items[n] = 1;
	}
	for (i = 0; i < 3; i++)
		for (n = 0; n < 70; n++) {
			xgrow(&items, n, sizeof *items);
			items[n] = (int)n;
		}
	assert_int_equal(items[69], 69);
	free(items);
}

static int hook_fd = -1;

static void hook(void)
{
	if (write(hook_fd, "restored\n", 9) != 9)
		_exit(3);
}

/* In a child: an allocation too large to have. Its exit status, and what
 * the hook and standard error said, come back to the test. */
static void out_of_memory_gives_the_terminal_back_then_exits_1(void **state)
{
	int fds[2], status;
	char buf[256];
	size_t used;
	ssize_t n;
	pid_t pid;

	(void)state;
	assert_int_equal(pipe(fds), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		hook_fd = fds[1];
		dup2(fds[1], 2);
		alloc_on_failure(hook);
		/* more bytes than size_t holds: refused before malloc sees it */
		xreallocarray(NULL, SIZE_MAX / 2, 4);
		_exit(4);
	}
	close(fds[1]);
	used = 0;
	while ((n = read(fds[0], buf + used, sizeof buf - 1 - used)) > 0)
		used += (size_t)n;
	buf[used] = '\0';
	close(fds[0]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 1);
	assert_string_equal(buf, "restored\nkpitree: out of memory\n");
}

static void strings_are_copied_whole(void **state)
{
	char *a = xstrdup("令和7年度"), *b = xstrdup(NULL);

	(void)state;
	assert_string_equal(a, "令和7年度");
	assert_string_equal(b, "");
	free(a);
	free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(growing_keeps_every_item),
		cmocka_unit_test(an_array_filled_again_has_room),
		cmocka_unit_test(out_of_memory_gives_the_terminal_back_then_exits_1),
		cmocka_unit_test(strings_are_copied_whole),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

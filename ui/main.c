/* main.c: the program's entry point: the language, then the command line
 * (ui/cli/), which runs the browser (ui/browser.c) or another command. */
#include <stdio.h>
#include <string.h>

#include "browser.h"
#include "cli.h"
#include "i18n.h"

/* The language the command line asks for: --lang or --ssh-lang (in a
 * key's forced command); *forced when it is a key's forced command. The
 * command line checks these words again when it parses them. */
static const char *asked_lang(int argc, char **argv, int *forced)
{
	const char *lang = NULL;
	int i;

	*forced = 0;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--ssh-user") == 0)
			*forced = 1;
		if ((strcmp(argv[i], "--lang") == 0 || strcmp(argv[i], "--ssh-lang") == 0) &&
		    i + 1 < argc && i18n_lang_ok(argv[i + 1]))
			lang = argv[++i];
	}
	return lang;
}

int main(int argc, char **argv)
{
	int forced;
	const char *lang = asked_lang(argc, argv, &forced);

	i18n_locale(lang, forced);
	i18n_start();
	return cli_main(argc, argv, browser_run, stdout, stderr);
}

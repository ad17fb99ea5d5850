#include "build/configsite.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/atomicwrite.h"
#include "util/diag.h"

char *config_site_path(const char *out)
{
	return str_join(out, "/config.site", "");
}

/* ". FILE" for the user's site file, which must exist: configure would
 * otherwise stop with a shell error far from its cause. The path is made
 * absolute because "." searches PATH for a bare name. */
static int source_user_site(FILE *f, const char *user, const char *ours)
{
	char *absolute = realpath(user, NULL);
	if (!absolute) {
		error_plain("ENV_CONFIG_SITE names '%s': %s", user, strerror(errno));
		return 1;
	}
	/* a config imported from a cross build's configure line names the
	 * generated file itself, which must not read itself */
	if (!strcmp(absolute, ours)) {
		free(absolute);
		return 0;
	}
	char *quoted = shell_quote(absolute);
	fprintf(f, "# the config's own site file (ENV_CONFIG_SITE) first: the answers below win\n. %s\n", quoted);
	free(quoted);
	free(absolute);
	return 0;
}

int config_site_write(struct build *b)
{
	const struct strlist *answers = &b->t.site_answers;
	if (answers->n == 0)
		return 0;
	char *text = NULL;
	size_t len = 0;
	FILE *f = xopen_memstream(&text, &len);
	fputs("# Written by cpyconf from the config's cross-compile answers (SITE_\n"
	      "# symbols) for every build: edit the config, not this file.\n", f);
	const char *user = sym_string_if_applies(b->kc, "ENV_CONFIG_SITE");
	char *path = config_site_path(b->out);
	int rc = *user ? source_user_site(f, user, path) : 0;
	for (int i = 0; i < answers->n; i++) {
		const char *answer = answers->items[i];
		size_t name_len = strcspn(answer, "=");
		char *value = shell_quote(answer + name_len + 1);
		fprintf(f, "%.*s=%s\n", (int)name_len, answer, value);
		free(value);
	}
	fclose(f);
	if (rc == 0)
		rc = write_file_atomic(path, text, len, false) ? 1 : 0;
	if (rc == 0)
		printf("      config.site: %d answers in %s\n", answers->n, path);
	free(path);
	free(text);
	return rc;
}

#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>

#include "kconfig/parse.h"
#include "util/diag.h"

/* Kconfiglib's compatibility with Kconfig files older than the macro
 * language: in a quoted string, $NAME and ${NAME} are replaced by the
 * environment variable when it is set (and left as written when it is
 * not), and $UNAME_RELEASE by the kernel release. kconfig-frontends 4.11
 * does this only in `source` paths and `option defconfig_list`. */

static bool is_word_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

static void append(char **out, size_t *len, size_t *cap, const char *s, size_t n)
{
	if (*len + n + 1 > *cap) {
		*cap = (*len + n + 1) * 2;
		*out = xrealloc(*out, *cap);
	}
	memcpy(*out + *len, s, n);
	*len += n;
	(*out)[*len] = '\0';
}

static const char *variable(const char *name, struct utsname *uts)
{
	if (!strcmp(name, "UNAME_RELEASE"))
		return uname(uts) == 0 ? uts->release : NULL;
	return getenv(name);
}

char *expand_env_vars(const char *s)
{
	size_t len = 0, cap = strlen(s) + 1;
	char *out = xmalloc(cap);
	out[0] = '\0';
	while (*s) {
		const char *dollar = strchr(s, '$');
		if (!dollar) {
			append(&out, &len, &cap, s, strlen(s));
			break;
		}
		append(&out, &len, &cap, s, (size_t)(dollar - s));
		const char *name = dollar + 1, *end;
		bool braced = *name == '{';
		if (braced) {
			name++;
			end = strchr(name, '}');
		} else {
			for (end = name; is_word_char(*end); end++)
				;
		}
		if (!end || end == name) { /* no name: the '$' is text */
			append(&out, &len, &cap, "$", 1);
			s = dollar + 1;
			continue;
		}
		char *key = xstrndup(name, (size_t)(end - name));
		struct utsname uts;
		const char *value = variable(key, &uts);
		free(key);
		const char *after = braced ? end + 1 : end;
		if (value)
			append(&out, &len, &cap, value, strlen(value));
		else
			append(&out, &len, &cap, dollar, (size_t)(after - dollar));
		s = after;
	}
	return out;
}

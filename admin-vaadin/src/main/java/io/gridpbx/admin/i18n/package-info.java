/**
 * The screens' languages: the English and French bundles behind {@code getTranslation}, the
 * language pickers, the translation of the services' field errors ({@code error.<code>}, with the
 * service's English message as the fallback), and money and times in the screen's locale.
 */
@NullMarked
package io.gridpbx.admin.i18n;

import org.jspecify.annotations.NullMarked;

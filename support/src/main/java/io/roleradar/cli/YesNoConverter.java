package io.roleradar.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Locale;

/**
 * The picocli converter of a boolean flag whose variable takes yes and 1 as well as true (and no, 0,
 * false), in any case: {@code ROLERADAR_REPORT_KEEP_STATE=yes}. The flag itself is declared
 * {@code arity = "0", fallbackValue = "true"}, so giving it sets it on even when its variable has
 * made the default true; picocli would otherwise toggle it off.
 */
public final class YesNoConverter implements ITypeConverter<Boolean> {
    @Override
    public Boolean convert(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new TypeConversionException("'" + text + "' is not true or false: write true, yes or 1, "
                    + "or false, no or 0");
        };
    }
}

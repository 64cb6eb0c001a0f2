package gov.bnl.sphenix.production.k8s;

import java.util.Locale;

/** Kubernetes writes reasons (of conditions and of Events) UpperCamelCase: {@code DELETE_FAILED} → {@code DeleteFailed}. */
public final class UpperCamel {

    private UpperCamel() {
    }

    public static String of(Enum<?> constant) {
        StringBuilder out = new StringBuilder();
        for (String word : constant.name().split("_")) {
            if (!word.isEmpty()) {
                out.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
            }
        }
        return out.toString();
    }
}

package gov.bnl.sphenix.production.spec.load;

import gov.bnl.sphenix.production.spec.ArgumentOrder;
import gov.bnl.sphenix.production.spec.Diagnostics;
import gov.bnl.sphenix.production.spec.RuleJob;
import gov.bnl.sphenix.production.spec.SourceLocation;
import gov.bnl.sphenix.production.spec.tree.SpecTree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's payload as sphenixprod finds it — every file under its globs, the script looked up by
 * name among them — checked against the commit being validated. A job ships exactly these files,
 * so a glob that matches nothing or a script that is not there is refused here, at the rule's
 * line, rather than found out on a worker node.
 */
final class PayloadCheck {

    /** What today's run scripts source: the submitter's prep script, which reads the arguments. */
    private static final Pattern SOURCES_PREP = Pattern.compile(
            "^\\s*(?:\\.|source)\\s+\"?\\$\\{?SPHENIXPROD_SCRIPT_PATH}?/common_runscript_prep\\.sh\"?\\s*(?:#.*)?$",
            Pattern.MULTILINE);
    /** An older script's own usage line, e.g. {@code echo "Usage: $0 <buildarg> <dataset> ..."}. */
    private static final Pattern USAGE = Pattern.compile("Usage:\\s*\\S+((?:\\s+[<\\[][A-Za-z_]+[>\\]])+)");
    private static final Pattern ARGUMENT = Pattern.compile("[<\\[]([A-Za-z_]+)[>\\]]");

    private final SpecTree tree;
    private final Diagnostics out;

    PayloadCheck(SpecTree tree, Diagnostics out) {
        this.tree = tree;
        this.out = out;
    }

    /**
     * The files the payload globs take, each glob reported at {@code at} when it takes none. Each
     * file is read, so that what a production's spec is stored with includes its payload.
     */
    List<String> files(List<String> globs, SourceLocation at) {
        Set<String> taken = new LinkedHashSet<>();
        for (String glob : globs) {
            List<String> matched = PayloadGlob.matching(glob, tree.files());
            if (matched.isEmpty()) {
                out.error(at, "payload entry '" + glob + "' matches no file in this commit",
                        "commit the job's scripts and macros there, or correct the glob; jobs ship only files of"
                                + " the reviewed commit");
            }
            taken.addAll(matched);
        }
        List<String> shipped = new ArrayList<>();
        for (String file : taken) {
            // a link would ship whatever it points to on the operator's machine, unseen by the reviewer
            if (tree.isSymlink(file)) {
                out.error(at, "payload file " + file + " is a symbolic link",
                        "commit the file itself; a link can point outside the repository");
            } else if (tree.read(file).isPresent()) {
                shipped.add(file);
            }
        }
        return List.copyOf(shipped);
    }

    /**
     * The script, looked up as sphenixprod does (the first payload file of that name, or of that
     * path ending), and checked to read its arguments in sphenixprod's order.
     */
    Optional<String> script(String script, List<String> payloadFiles, SourceLocation at) {
        Optional<String> found = RuleJob.scriptAmong(script, payloadFiles);
        if (found.isEmpty()) {
            if (!payloadFiles.isEmpty()) {
                out.error(at, "script '" + script + "' is not in the payload",
                        "the payload holds " + sample(payloadFiles) + "; add the script there or correct its name");
            }
            return Optional.empty();
        }
        String text = new String(tree.read(found.get()).orElse(new byte[0]), StandardCharsets.UTF_8);
        return readsSphenixprodArguments(found.get(), text) ? found : Optional.empty();
    }

    private boolean readsSphenixprodArguments(String file, String text) {
        if (SOURCES_PREP.matcher(text).find()) {
            return true;
        }
        Matcher usage = USAGE.matcher(text);
        if (!usage.find()) {
            out.error(new SourceLocation(file, 1, 1), "script " + file + " neither sources"
                            + " ${SPHENIXPROD_SCRIPT_PATH}/common_runscript_prep.sh nor says in a 'Usage:' line which"
                            + " arguments it reads",
                    "start it with '. ${SPHENIXPROD_SCRIPT_PATH}/common_runscript_prep.sh', which reads the arguments"
                            + " in sphenixprod's order: " + String.join(" ", ArgumentOrder.NAMES));
            return false;
        }
        List<String> written = new ArrayList<>();
        Matcher argument = ARGUMENT.matcher(usage.group(1));
        while (argument.find()) {
            written.add(argument.group(1));
        }
        Optional<String> mismatch = ArgumentOrder.mismatch(written);
        if (mismatch.isPresent()) {
            out.error(locate(file, text, usage.start()), "script " + file + " reads its arguments in another order"
                            + " than the operator passes them: " + mismatch.get(),
                    "source ${SPHENIXPROD_SCRIPT_PATH}/common_runscript_prep.sh instead of reading $1, $2, ...; it"
                            + " takes sphenixprod's order: " + String.join(" ", ArgumentOrder.NAMES));
            return false;
        }
        return true;
    }

    private static SourceLocation locate(String file, String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new SourceLocation(file, line, offset - lineStart + 1);
    }

    private static String sample(List<String> files) {
        List<String> names = files.stream().map(f -> f.substring(f.lastIndexOf('/') + 1)).distinct().limit(6).toList();
        return String.join(", ", names) + (files.size() > names.size() ? ", ..." : "");
    }
}

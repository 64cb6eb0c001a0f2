package gov.bnl.sphenix.production.spec.load;

import gov.bnl.sphenix.production.spec.Diagnostics;
import gov.bnl.sphenix.production.spec.SourceLocation;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The loader's last line of defence. Every value a spec file can hold should meet a check that
 * explains it; if one slips through and a step of reading throws anyway, the step's file gets an
 * error at the place being read and loading goes on: never a stack trace out of
 * {@code prodctl validate}, never an exception out of the loader into the engine's pass — a
 * commit the loader cannot read is a rejected commit.
 */
final class LoadGuard {

    private final Diagnostics out;

    LoadGuard(Diagnostics out) {
        this.out = out;
    }

    /** One step of reading {@code file}; empty when it failed. */
    <T> Optional<T> read(String file, Supplier<Optional<T>> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            report(out.lastReadIn(file).orElse(SourceLocation.ofFile(file)), "reading this file", e);
            return Optional.empty();
        }
    }

    /** A check of {@code what}, blamed on {@code at} if it fails. */
    void check(SourceLocation at, String what, Runnable check) {
        try {
            check.run();
        } catch (RuntimeException e) {
            report(at, what, e);
        }
    }

    private void report(SourceLocation at, String what, RuntimeException e) {
        out.error(at, "internal error while " + what + " (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "), so these specs are refused",
                "this is a bug of the validator, please report it with this file; a different value at this place"
                        + " may get past it");
    }
}

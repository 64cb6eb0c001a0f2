package gov.bnl.sphenix.production.cli;

/** Shutdown hooks that stop a command's loop on Ctrl-C or SIGTERM, and go away when the command ends first. */
final class ShutdownHooks {

    private ShutdownHooks() {
    }

    static Thread add(Runnable stop, String name) {
        Thread hook = new Thread(stop, name);
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    static void remove(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down and the hook is what stopped the command: nothing to remove
        }
    }
}

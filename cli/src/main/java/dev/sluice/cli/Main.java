package dev.sluice.cli;

/** The {@code sluice} command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(SluiceCommand.commandLine(Launcher.SLUICE).execute(args));
    }
}

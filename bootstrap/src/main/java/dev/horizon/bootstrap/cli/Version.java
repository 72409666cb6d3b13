package dev.horizon.bootstrap.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code horizon --version}: the build's version from the jar manifest, or the development version. */
public final class Version implements IVersionProvider {

    /** The version when run from classes rather than the jar. */
    static final String DEVELOPMENT = "0.1.0-SNAPSHOT";

    @Override
    public String[] getVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return new String[] {"horizon " + (v != null ? v : DEVELOPMENT) + " (Java " + Runtime.version() + ")"};
    }
}

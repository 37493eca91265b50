package io.github.auroramigrate.testkit.internal;

import io.github.auroramigrate.testkit.TestkitException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Finds a free loopback port. Another process can still take it before the server binds; callers retry. */
final class Ports {
    private Ports() {
    }

    static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new TestkitException("Cannot find a free loopback port: " + e.getMessage(), e);
        }
    }
}

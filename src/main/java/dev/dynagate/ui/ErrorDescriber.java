package dev.dynagate.ui;

/** Turns a failure into a message for people; presenters get one injected so they never see SDK types. */
@FunctionalInterface
public interface ErrorDescriber {

    UserMessage describe(Throwable error);
}

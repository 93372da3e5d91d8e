package dev.dynagate.shell;

import dev.dynagate.ui.Operations;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;

/** The one window: connection bar, navigator beside the tabbed workspace, status bar. */
public final class MainWindow extends BorderPane {
    private final TabPane workspace = new TabPane();
    private final SplitPane split;

    public MainWindow(ConnectionBarView bar, NavigatorView navigator, ShellPresenter presenter, Operations operations) {
        getStyleClass().add("main-window");
        workspace.setId("workspace");
        workspace.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        Tab welcome = new Tab("Welcome", new WelcomeView(presenter));
        welcome.setId("welcome-tab");
        workspace.getTabs().add(welcome);
        split = new SplitPane(navigator, workspace);
        split.setDividerPositions(presenter.settings().navigatorWidth);
        SplitPane.setResizableWithParent(navigator, false);
        setTop(bar);
        setCenter(split);
        setBottom(new StatusBarView(operations, presenter.notices()));
        setOnKeyPressed(e -> {
            if (new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN).match(e)) {
                Tab selected = workspace.getSelectionModel().getSelectedItem();
                if (selected != null && selected.isClosable()) {
                    workspace.getTabs().remove(selected);
                }
                e.consume();
            }
        });
    }

    /** Opens a tab, or selects the open one with the same id. */
    public void openTab(String id, String title, java.util.function.Supplier<Node> content) {
        for (Tab tab : workspace.getTabs()) {
            if (id.equals(tab.getId())) {
                workspace.getSelectionModel().select(tab);
                return;
            }
        }
        Tab tab = new Tab(title, content.get());
        tab.setId(id);
        workspace.getTabs().add(tab);
        workspace.getSelectionModel().select(tab);
    }

    /** Closes every tab whose id {@code ids} accepts. */
    public void closeTabs(java.util.function.Predicate<String> ids) {
        workspace.getTabs().removeIf(tab -> tab.getId() != null && ids.test(tab.getId()));
    }

    public TabPane workspace() {
        return workspace;
    }

    public double navigatorShare() {
        return split.getDividerPositions()[0];
    }
}

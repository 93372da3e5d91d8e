package dev.dynagate.tables;

/** Lets view tests reach the presenters behind a tab the feature built. */
final class TablesFeatureAccess {
    private TablesFeatureAccess() {
    }

    static TableTabPresenter lastTab(TablesFeature feature) {
        return feature.lastTab();
    }
}

// A minimal Kaoto: the standalone app's providers around its Design page and a Catalog page, reading the catalog
// library named by the page's "catalog" query parameter (what a user types into Settings > Camel Catalog URL).
import '@patternfly/react-core/dist/styles/base.css';
import '@patternfly/patternfly/patternfly-addons.css';

import { SuggestionRegistryProvider } from '@kaoto/forms';
import { VisualizationProvider } from '@patternfly/react-topology';
import { useCallback, useContext, useMemo, useState } from 'react';
import ReactDOM from 'react-dom/client';
import { createHashRouter, Outlet, RouterProvider } from 'react-router-dom';

import { Catalog } from 'kaoto-lib/components/Catalog';
import { PropertiesModal } from 'kaoto-lib/components/PropertiesModal';
import { RenderingProvider } from 'kaoto-lib/components/RenderingAnchor/rendering.provider';
import { RegisterComponents } from 'kaoto-lib/components/registers/RegisterComponents';
import { RegisterNodeInteractionAddons } from 'kaoto-lib/components/registers/RegisterNodeInteractionAddons';
import { NodeInteractionAddonProvider } from 'kaoto-lib/components/registers/interactions/node-interaction-addon.provider';
import { ControllerService } from 'kaoto-lib/components/Visualization/Canvas/controller.service';
import { Shell } from 'kaoto-lib/layout/Shell';
import { DefaultSettingsAdapter } from 'kaoto-lib/models/settings/default-settings-adapter';
import { DesignPage } from 'kaoto-lib/pages/Design/DesignPage';
import {
  CatalogLoaderProvider,
  CatalogTilesContext,
  CatalogTilesProvider,
  EntitiesProvider,
  KeyboardShortcutsProvider,
  ReloadProvider,
  RuntimeProvider,
  SchemasLoaderProvider,
  SettingsProvider,
  SourceCodeLocalStorageProvider,
  VisibleFlowsProvider,
} from 'kaoto-lib/providers';

const catalogUrl = new URLSearchParams(window.location.search).get('catalog') ?? '';

function CatalogPage() {
  const tiles = useContext(CatalogTilesContext);
  const [tile, setTile] = useState();
  const onTileClick = useCallback((t) => setTile(t), []);
  return (
    <>
      <Catalog tiles={tiles} onTileClick={onTileClick} />
      {tile && <PropertiesModal tile={tile} isModalOpen onClose={() => setTile(undefined)} />}
    </>
  );
}

function App() {
  const controller = useMemo(() => ControllerService.createController(), []);
  const settingsAdapter = useMemo(() => new DefaultSettingsAdapter({ catalogUrl }), []);
  return (
    <SettingsProvider adapter={settingsAdapter}>
      <SourceCodeLocalStorageProvider>
        <RuntimeProvider catalogUrl={catalogUrl}>
          <SchemasLoaderProvider>
            <CatalogLoaderProvider>
              <EntitiesProvider>
                <Shell>
                  <CatalogTilesProvider>
                    <VisualizationProvider controller={controller}>
                      <VisibleFlowsProvider>
                        <RenderingProvider>
                          <RegisterComponents>
                            <NodeInteractionAddonProvider>
                              <RegisterNodeInteractionAddons>
                                <SuggestionRegistryProvider>
                                  <KeyboardShortcutsProvider>
                                    <Outlet />
                                  </KeyboardShortcutsProvider>
                                </SuggestionRegistryProvider>
                              </RegisterNodeInteractionAddons>
                            </NodeInteractionAddonProvider>
                          </RegisterComponents>
                        </RenderingProvider>
                      </VisibleFlowsProvider>
                    </VisualizationProvider>
                  </CatalogTilesProvider>
                </Shell>
              </EntitiesProvider>
            </CatalogLoaderProvider>
          </SchemasLoaderProvider>
        </RuntimeProvider>
      </SourceCodeLocalStorageProvider>
    </SettingsProvider>
  );
}

const router = createHashRouter([
  {
    path: '/',
    element: (
      <ReloadProvider>
        <App />
      </ReloadProvider>
    ),
    children: [
      { index: true, element: <DesignPage /> },
      { path: '/catalog', element: <CatalogPage /> },
    ],
  },
]);

ReactDOM.createRoot(document.getElementById('root')).render(<RouterProvider router={router} />);

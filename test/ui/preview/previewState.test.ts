/**
 * The pane loads each `open` once: a second claim of the same one (React's StrictMode runs a new pane's effect
 * twice) gets nothing, so a click on a port link is one request to the server, one line in its access log.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { claimPreviewOpen, openPreview, previewStore, showPreview } from '../../../src/ui/preview/previewState.js';

beforeEach(() => previewStore.setState({ shown: false, open: null, loaded: 0 }));

describe('claimPreviewOpen', () => {
  it('gives an opened address once, however often the pane asks', () => {
    expect(claimPreviewOpen()).toBeUndefined();
    openPreview('localhost:8080/');
    expect(claimPreviewOpen()).toBe('localhost:8080/');
    expect(claimPreviewOpen()).toBeUndefined();
  });

  it('gives the same address again when it is opened again (Reload), and not when the pane is just shown again', () => {
    openPreview('localhost:8080/');
    claimPreviewOpen();
    showPreview(false);
    showPreview(true);
    expect(claimPreviewOpen()).toBeUndefined();
    openPreview('localhost:8080/');
    expect(claimPreviewOpen()).toBe('localhost:8080/');
  });
});

import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/** The only folder the report webview may load from: the extension's media/. */
export function mediaRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'media');
}

/** Webview options of the report: our script only, resources from media/ only, no command links. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    enableForms: false,
    localResourceRoots: [mediaRoot(extensionUri)],
    enableFindWidget: true,
    retainContextWhenHidden: false,
  };
}

/** A fresh nonce for every page load. */
export function makeNonce(): string {
  return randomBytes(18).toString('base64').replace(/[+/=]/g, '');
}

/**
 * The report page: an empty shell that media/report.js fills from the messages it receives.
 * `default-src 'none'`; the stylesheet and the script are allowed by the per-load nonce only, so
 * nothing inline and nothing injected can run or style the page. Nothing from the manifest is in
 * this HTML: the script builds the DOM with textContent.
 */
export function reportHtml(webview: vscode.Webview, extensionUri: vscode.Uri, nonce = makeNonce()): string {
  const media = mediaRoot(extensionUri);
  const css = webview.asWebviewUri(vscode.Uri.joinPath(media, 'report.css'));
  const js = webview.asWebviewUri(vscode.Uri.joinPath(media, 'report.js'));
  const csp = [`default-src 'none'`, `style-src 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" nonce="${nonce}" href="${css.toString()}">
<title>Carbon report</title>
</head>
<body>
<a class="skip-link" href="#report-main">Skip to the report</a>
<main id="report-main" aria-busy="true" tabindex="-1"><p class="loading" role="status">Loading the carbon report…</p></main>
<script nonce="${nonce}" src="${js.toString()}"></script>
</body>
</html>`;
}

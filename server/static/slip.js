// The print button of the slip page; ?print=1 opens the print dialog at once (counter workflow).
document.getElementById('print-button')?.addEventListener('click', () => window.print());
if (new URLSearchParams(location.search).get('print') === '1') window.addEventListener('load', () => window.print());

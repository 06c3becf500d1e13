// The report's only script: the print button (inline scripts are not allowed by the CSP).
document.getElementById('print-report')?.addEventListener('click', () => window.print());

// Both ways of using the package, as a Vite user writes them (bare specifiers,
// resolved through the package's "exports" map). results.json is in public/.
import init, { render } from 'tallyboard';
import 'tallyboard/element';

await init();
const data = await (await fetch('results.json')).json();
window.apiCard = render(document.getElementById('api-card'), data);

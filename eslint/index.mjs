// import forgottenSender from 'forgotten-sender/eslint': the same plugin object as require() gives.
import plugin from './index.cjs';

export const { meta, rules, configs } = plugin;
export default plugin;

#!/usr/bin/env node
// The built CLI lives in dist/ (npm install runs the build).
import('../dist/main.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist')) {
    console.error('mentor-coord: the tool is not built yet. Run `npm install` (or `npm run build`) in its folder.');
    process.exit(2);
  }
  throw error;
});

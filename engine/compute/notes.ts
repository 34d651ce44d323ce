export type Methodology = 'default' | 'boavizta-2.4';

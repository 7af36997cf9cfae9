export { startS3StandIn, type S3StandIn, type S3StandInOptions, type StoredObject } from './s3-stand-in.ts';
